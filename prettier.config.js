/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
};
