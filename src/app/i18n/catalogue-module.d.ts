// The Lingui Vite plugin compiles a .po catalogue into a module with its messages.
declare module '*.po' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
