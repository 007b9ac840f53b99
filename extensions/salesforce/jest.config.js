// sfdx-lwc-jest's configuration, plus the stubs it does not ship (lightning/actions: CloseActionScreenEvent).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleNameMapper: {
    '^lightning/actions$': '<rootDir>/jest-mocks/lightning/actions',
  },
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/generator/'],
};
