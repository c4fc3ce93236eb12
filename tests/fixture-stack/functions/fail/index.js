// A function error: the handler throws a typed error.
class FixtureFailure extends Error {
  constructor(message) {
    super(message);
    this.name = 'FixtureFailure';
  }
}

module.exports.handler = async (event) => {
  throw new FixtureFailure(`refused: ${event.message}`);
};
