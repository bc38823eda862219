// jest: stylesheets and images import as an empty module in component tests.
module.exports = {};
