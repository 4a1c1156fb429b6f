/** The `sdelens` command line. Returns the process exit code: 0 ok, 1 a claim failed, 2 usage/definition error. */
export async function main(argv: string[]): Promise<number> {
  console.log(`sdelens: nothing to do yet (${argv.join(' ')})`);
  return 0;
}
