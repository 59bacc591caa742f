/**
 * Turns a PyTorch-style node scope into the dotted module path that prefixes its parameters, as
 * PyTorch names them: `/features/features.0` gives `features.0`, `/layer1/layer1.0/conv1` gives
 * `layer1.0.conv1`, and `/layer1/layer1.0/downsample/downsample.0` gives
 * `layer1.0.downsample.0`. A segment that extends the previous one (`features` then
 * `features.0`) replaces it; any other segment is appended.
 *
 * @internal
 * @param scope - The scope, segments separated by `/`, such as `/layer2/layer2.0/conv1`.
 * @returns The dotted path, such as `layer2.0.conv1`.
 * @throws Error when the scope has no segment.
 */
export function parameterPrefix(scope: string): string {
  const segments = scope.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) {
    throw new Error(`the scope '${scope}' cannot name weights; give one such as '/features/features.0'`);
  }
  let path = '';
  let previous = '';
  for (const segment of segments) {
    if (path === '') {
      path = segment;
    } else if (segment.startsWith(`${previous}.`)) {
      path += segment.slice(previous.length);
    } else {
      path += `.${segment}`;
    }
    previous = segment;
  }
  return path;
}
