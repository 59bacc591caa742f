import type { Argument, Command, Option } from 'commander';

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A command's full name, such as `polycam explain`. */
function fullName(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

/** The Markdown heading anchor GitHub and typedoc both derive from `polycam explain`. */
function anchor(command: Command): string {
  return fullName(command).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function optionRow(option: Option): string {
  const notes: string[] = [];
  if (option.mandatory) notes.push('**required**');
  if (option.argChoices !== undefined) notes.push(`one of ${option.argChoices.map((choice) => `\`${choice}\``).join(', ')}`);
  const description = [option.description, ...notes].filter((part) => part !== '').join('; ');
  const value: unknown = option.defaultValue;
  const fallback = option.defaultValueDescription ?? (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  return `| \`${option.flags}\` | ${cell(description)} | ${fallback === '' ? '' : `\`${cell(fallback)}\``} |`;
}

function argumentRow(argument: Argument): string {
  const shape = argument.variadic ? 'one or more' : 'one';
  const need = argument.required ? 'required' : 'optional';
  return `| \`${argument.name()}${argument.variadic ? '...' : ''}\` | ${cell(argument.description)} (${shape}, ${need}) |`;
}

function commandSection(command: Command): string[] {
  const help = command.createHelp();
  const lines = [`## ${fullName(command)}`, '', `${command.description()}.`, '', '```', `${fullName(command)} ${command.usage()}`, '```', ''];
  const argumentsList = help.visibleArguments(command);
  if (argumentsList.length > 0) {
    lines.push('| argument | description |', '|---|---|', ...argumentsList.map(argumentRow), '');
  }
  lines.push('| option | description | default |', '|---|---|---|', ...help.visibleOptions(command).map(optionRow), '');
  return lines;
}

/**
 * Renders the command-line reference, `docs/cli.md`, from the commander program itself: every
 * command with its usage, arguments and options (flags, description, default, choices), so that
 * the page can never describe a flag the program lacks or miss one it has.
 *
 * @param program - The program, as `buildProgram` makes it.
 * @returns The Markdown page.
 */
export function renderCliReference(program: Command): string {
  const help = program.createHelp();
  // Every command, a group's sub-commands (`dataset explain`) right after the group.
  const visible = (parent: Command): Command[] =>
    help.visibleCommands(parent).filter((command) => command.name() !== 'help').flatMap((command) => [command, ...visible(command)]);
  const commands = visible(program);
  const lines = [
    '---',
    'title: CLI reference',
    '---',
    '',
    '# CLI reference',
    '',
    '<!-- Generated from packages/cli/src/buildProgram.ts by `npm run docs:cli`; do not edit by hand. -->',
    '',
    `\`${program.name()}\`: ${program.description()}`,
    '',
    '```',
    `${program.name()} ${program.usage()}`,
    '```',
    '',
    '| command | what it does |',
    '|---|---|',
    ...commands.map((command) => `| [\`${fullName(command).slice(program.name().length + 1)}\`](#${anchor(command)}) | ${cell(command.description())} |`),
    '',
    `Options of \`${program.name()}\` itself: ${help
      .visibleOptions(program)
      .map((option) => `\`${option.flags}\` (${option.description})`)
      .join(', ')}. \`${program.name()} help COMMAND\` prints a command's help.`,
    '',
    'Exit status: 0 on success, 1 when a command fails or an option has an invalid value (one line',
    'on standard error names the problem, and no output file is written), 2 for a usage error:',
    'an unknown flag or command, or a missing argument; 130 when Ctrl-C (SIGINT) cancelled the',
    'command (which then leaves no output behind).',
    '',
  ];
  for (const command of commands) lines.push(...commandSection(command));
  return `${lines.join('\n').trimEnd()}\n`;
}
