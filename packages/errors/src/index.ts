export { ERROR_CODES, DOCS_BASE, isErrorCode, problemType, type ErrorCode } from './codes';
export { TollgateError, isTollgateError, type InvalidParam, type TollgateErrorOptions } from './tollgate-error';
export { toProblem, buildProblem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';
