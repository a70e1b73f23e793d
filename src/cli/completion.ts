/**
 * `wirecopy completion bash|zsh`: a shell completion script for verbs, subcommands and options,
 * made from the command tree itself, so it cannot drift from what the verbs accept.
 *
 * Static on purpose: the script holds every word, and pressing TAB runs no Node. A dynamic
 * completer (the shell asking `wirecopy` on each TAB, as @bomb.sh/tab's commander adapter does)
 * would have to load every verb's module per keystroke, the 1.4 s the lazy verb table saves.
 * zsh runs the same function through its bash compatibility (bashcompinit).
 */
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import type { CommandContext } from './context.ts';
import { VERBS } from './verbs.ts';

const SHELLS = ['bash', 'zsh'] as const;
type Shell = (typeof SHELLS)[number];

export interface CompletionTree {
  /** Global options and the verbs. */
  top: string[];
  /** Options taking a value before the verb (their value is not the verb). */
  globalValueOptions: string[];
  verbs: { name: string; words: string[]; subcommands: { name: string; words: string[] }[] }[];
}

const optionWords = (c: Command) =>
  [...c.options.flatMap((o) => [o.long, o.short]), '--help'].filter((w): w is string => w !== undefined);

/** Every verb loaded (only here: completion is the one verb that needs them all). */
export async function completionTree(program: Command): Promise<CompletionTree> {
  const verbs = [];
  for (const verb of VERBS) {
    if (verb.name === 'completion') {
      verbs.push({ name: verb.name, words: [...SHELLS, '--help'], subcommands: [] });
      continue;
    }
    const command = (await verb.load())(() => {
      throw new Error('no context while building the command tree');
    });
    verbs.push({
      name: verb.name,
      words: [...command.commands.map((c) => c.name()), ...optionWords(command)],
      subcommands: command.commands.map((c) => ({ name: c.name(), words: optionWords(c) })),
    });
  }
  return {
    top: [...VERBS.map((v) => v.name), ...optionWords(program)],
    globalValueOptions: program.options.filter((o) => o.required || o.optional).map((o) => o.long!),
    verbs,
  };
}

export function bashCompletion(tree: CompletionTree): string {
  const list = (words: readonly string[]) => words.join(' ');
  const verbCases = tree.verbs.map((v) => {
    if (v.subcommands.length === 0) return `    ${v.name}) words="${list(v.words)}" ;;`;
    const subCases = v.subcommands.map((s) => `        ${s.name}) words="${list(s.words)}" ;;`);
    return [
      `    ${v.name})`,
      '      case "$sub" in',
      ...subCases,
      `        *) words="${list(v.words)}" ;;`,
      '      esac ;;',
    ].join('\n');
  });
  return `# wirecopy completion (bash). Load it with: eval "$(wirecopy completion bash)"
_wirecopy() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" verb="" sub="" words="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      ${tree.globalValueOptions.join('|')}) [[ -z "$verb" ]] && ((i++)) ;;
      -*) ;;
      *) if [[ -z "$verb" ]]; then verb="$w"; elif [[ -z "$sub" ]]; then sub="$w"; fi ;;
    esac
  done
  case "$verb" in
    "") words="${list(tree.top)}" ;;
${verbCases.join('\n')}
  esac
  # A verb's arguments are files (or dates, ids): the shell's own file completion, by -o default.
  # Words are offered for an option, before the verb, and for a verb's subcommand (or shell).
  if [[ -z "$verb" || "$cur" == -* || ( "$words" != -* && -z "$sub" ) ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=()
  fi
}
complete -o default -F _wirecopy wirecopy
`;
}

export function zshCompletion(tree: CompletionTree): string {
  return `#compdef wirecopy
# wirecopy completion (zsh). Load it with: eval "$(wirecopy completion zsh)", or save it as
# _wirecopy in a folder of your $fpath. The bash function below, through zsh's bashcompinit.
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(tree).split('\n').slice(1).join('\n')}`;
}

/**
 * Printed through commander's output, not a command context: the script is made without the
 * config, so a broken config file cannot break every new shell that evals it.
 */
export function completionCommand(_context: () => CommandContext): Command {
  return new Command('completion')
    .description('print a shell completion script: eval "$(wirecopy completion bash)" (or zsh)')
    .argument('<shell>', SHELLS.join(' or '))
    .action(async (shell: string, _options: unknown, command: Command) => {
      if (!SHELLS.includes(shell as Shell)) {
        throw new WirecopyError(Errors.Usage, `wirecopy has no completion for the shell "${shell}".`, {
          hint: `Use one of ${SHELLS.join(', ')}: eval "$(wirecopy completion bash)" in ~/.bashrc.`,
        });
      }
      const tree = await completionTree(command.parent ?? command);
      command.configureOutput().writeOut?.(shell === 'bash' ? bashCompletion(tree) : zshCompletion(tree));
    });
}
