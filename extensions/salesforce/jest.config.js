// sfdx-lwc-jest's configuration, plus the stubs it does not ship (lightning/actions: CloseActionScreenEvent).
// An ES module: the package is "type": "module" so that Node (Baton's simulated reps) loads the LWC modules as they are.
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;

export default {
  ...jestConfig,
  moduleNameMapper: {
    '^lightning/actions$': '<rootDir>/jest-mocks/lightning/actions',
  },
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/generator/'],
};
