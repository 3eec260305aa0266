// bpmn-moddle and saxen ship JavaScript without declarations for their main
// entry points; these cover exactly what the engine calls.

declare module 'bpmn-moddle' {
  export interface ParseResult {
    rootElement: unknown;
    warnings: { message: string }[];
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: unknown);
    fromXML(xml: string, options?: { lax?: boolean }): Promise<ParseResult>;
  }
}

declare module 'saxen' {
  export interface ParseContext {
    line: number;
    column: number;
  }
  export class Parser {
    constructor(options?: { proxy?: boolean });
    ns(map?: Record<string, string>): this;
    on(
      event: 'error' | 'warn',
      handler: (error: Error, getContext: () => ParseContext) => void,
    ): this;
    parse(xml: string): this;
  }
}
