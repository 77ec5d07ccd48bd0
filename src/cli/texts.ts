/** The texts that name the command line's flags and commands: only the CLI knows them. */
import type { InputError } from '../types.js';
import type { Remedy } from '../errors.js';

/** What the user can do, in the command line's words, appended to the message it belongs to. */
export const REMEDIES: Record<Remedy, string> = {
  'max-size': ' (raise it with --max-size)',
  columns: ', or map the columns with --columns speaker=Who,text=Utterance',
  'write-baseline': '; write one with --write-baseline',
  'list-rules': ' (run buyerside rules for the list)',
};

/** A message with its remedy in words. */
export function withRemedy(message: string, remedy: Remedy | undefined): string {
  return remedy ? message + REMEDIES[remedy] : message;
}

/** An input error as the command line reports it: the remedy worded into the message. */
export function wordInputError(error: InputError): InputError {
  if (!error.remedy) return error;
  const { remedy, ...rest } = error;
  return { ...rest, message: withRemedy(error.message, remedy) };
}

/** Where sellers named on the command line came from, as the report shows it ("named with --seller"). */
export const SELLER_FLAG = '--seller';
