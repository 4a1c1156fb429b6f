import { EXIT } from '../io.ts';
import type { Command } from '../command.ts';

/**
 * Placeholder for `sdelens check`, which is being built elsewhere: replace this file (keep the
 * export name `checkCommand`); main.ts loads it when the command runs.
 */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check claims symbolically and against simulation (not implemented yet)',
  usage: ['usage: sdelens check [ID...] [--theorems DIR]', '', 'Not implemented yet.'].join('\n'),
  async run(argv, io) {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(this.usage);
      return EXIT.ok;
    }
    io.err('sdelens check: not implemented yet');
    return EXIT.usage;
  },
};
