/** The base of every error a user causes (bad flags, config, rules, roles, baseline): one line, exit 2. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
