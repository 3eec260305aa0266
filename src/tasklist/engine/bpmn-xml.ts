import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { Parser } from 'saxen';
import type { LoadProblem } from './model';

/** A node of the moddle tree; properties are read through the helpers below. */
export interface ModdleNode {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

const require = createRequire(import.meta.url);
// The Zeebe extension package is a JSON descriptor; moddle reads it as is.
const zeebeDescriptor =
  require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

let moddle: BpmnModdle | undefined;
const bpmnModdle = () =>
  (moddle ??= new BpmnModdle({ zeebe: zeebeDescriptor }));

/**
 * moddle is lenient on purpose (it resolves well-known prefixes such as
 * `zeebe:` even when the file never declares them), but Zeebe rejects such a
 * file. saxen, the XML parser moddle itself uses, reports every element or
 * attribute whose prefix has no namespace when it is given no defaults.
 */
function namespaceProblem(file: string, xml: string): LoadProblem | undefined {
  let problem: LoadProblem | undefined;
  const parser = new Parser();
  parser.ns();
  const record = (error: Error, context: () => { line: number }) => {
    problem ??= {
      file,
      reason: `not well-formed XML at line ${String(context().line + 1)}: ${error.message}`,
    };
  };
  parser.on('error', record).on('warn', record).parse(xml);
  return problem;
}

export type ParsedBpmn =
  | { ok: true; definitions: ModdleNode; diagramWarnings: string[] }
  | { ok: false; problem: LoadProblem };

/**
 * Reads BPMN 2.0 XML with the Zeebe extensions. Broken diagram interchange
 * (shapes pointing at missing elements) only gives warnings: it never stops
 * a process from loading.
 */
export async function parseBpmn(
  file: string,
  xml: string,
): Promise<ParsedBpmn> {
  const xmlProblem = namespaceProblem(file, xml);
  if (xmlProblem) return { ok: false, problem: xmlProblem };
  try {
    const result = await bpmnModdle().fromXML(xml);
    const root = result.rootElement as ModdleNode | undefined;
    if (root?.$type !== 'bpmn:Definitions') {
      return {
        ok: false,
        problem: {
          file,
          reason: 'not a BPMN 2.0 document (no <definitions> root)',
        },
      };
    }
    return {
      ok: true,
      definitions: root,
      diagramWarnings: result.warnings.map((warning) => warning.message),
    };
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      problem: { file, reason: `not well-formed BPMN XML: ${message ?? ''}` },
    };
  }
}

/** A child list of a moddle node (moddle leaves empty collections undefined). */
export function children(
  node: ModdleNode | undefined,
  property: string,
): ModdleNode[] {
  const value = node?.[property];
  return Array.isArray(value) ? (value as ModdleNode[]) : [];
}

/** A single child or reference of a moddle node. */
export function child(
  node: ModdleNode | undefined,
  property: string,
): ModdleNode | undefined {
  const value = node?.[property];
  return value && typeof value === 'object' && '$type' in value
    ? (value as ModdleNode)
    : undefined;
}

/** A string attribute of a moddle node. */
export function text(
  node: ModdleNode | undefined,
  property: string,
): string | undefined {
  const value = node?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** The extension elements of a node (`bpmn:extensionElements` values). */
export function extensions(node: ModdleNode | undefined): ModdleNode[] {
  return children(child(node, 'extensionElements'), 'values');
}

/** The first extension element of a type, e.g. `zeebe:AssignmentDefinition`. */
export function extension(
  node: ModdleNode | undefined,
  type: string,
): ModdleNode | undefined {
  return extensions(node).find((value) => value.$type === type);
}
