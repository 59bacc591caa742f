import { Option } from 'commander';

/**
 * The repeatable `--plugin MODULE` option, which every command that composes a container takes.
 *
 * @returns The option; its value is the list of modules, empty by default.
 */
export function pluginOption(): Option {
  return new Option('--plugin <module>', "load a plugin: a file or package exporting a container module as 'polycamPlugin' or default (repeatable)")
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .default([]);
}
