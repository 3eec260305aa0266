import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deployed, TasklistStore } from '../store/tasklist-store';
import { parseBpmn } from './bpmn-xml';
import { compileDefinitions, type LinkedForm } from './compile';
import {
  type CompiledProcess,
  describeProblem,
  type LoadProblem,
  type LoadWarning,
} from './model';

/** pino's signature, so the server's logger fits. */
export interface LoadLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** A file to load: its name (for messages) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** One folder's worth of files: BPMN and the `.form` files linked from it. */
export interface ProcessSource {
  bpmn: SourceFile[];
  forms: SourceFile[];
}

export interface LoadReport {
  deployed: (Deployed & { file: string })[];
  refused: LoadProblem[];
  warnings: LoadWarning[];
}

export interface Candidate {
  file: string;
  xml: string;
  compiled: CompiledProcess;
  checksum: string;
}

/** Reads the `.bpmn` and `.form` files of a folder (not its subfolders), by name. */
export async function readProcessFolder(dir: string): Promise<ProcessSource> {
  const names = (await readdir(dir)).sort();
  const read = async (name: string) => ({
    file: path.join(dir, name),
    text: await readFile(path.join(dir, name), 'utf8'),
  });
  return {
    bpmn: await Promise.all(names.filter((n) => n.endsWith('.bpmn')).map(read)),
    forms: await Promise.all(
      names.filter((n) => n.endsWith('.form')).map(read),
    ),
  };
}

/** The forms of a folder by their form-js `id`; unreadable ones are refused. */
function indexForms(
  forms: SourceFile[],
  refused: LoadProblem[],
  warnings: LoadWarning[],
): Map<string, LinkedForm> {
  const byId = new Map<string, LinkedForm>();
  for (const { file, text } of forms) {
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (error) {
      refused.push({
        file,
        reason: `not a form-js schema: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const id = (schema as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id === '') {
      refused.push({
        file,
        reason: 'the form has no "id", so no user task can link to it',
      });
      continue;
    }
    const existing = byId.get(id);
    if (existing) {
      warnings.push({
        file,
        elementId: id,
        kind: 'duplicate form',
        message: `another form in the folder (${path.basename(existing.file)}) has the id '${id}'; that one is used`,
      });
      continue;
    }
    // Stored normalised, as a deployed form's schema is JSON, not the file's layout.
    byId.set(id, { file, schema: JSON.stringify(schema) });
  }
  return byId;
}

const checksumOf = (xml: string, compiled: CompiledProcess) => {
  const hash = createHash('sha256').update(xml);
  for (const form of compiled.forms)
    hash.update(`\0${form.formId}\0${form.schema}`);
  return hash.digest('hex');
};

/** Every file of the sources, parsed and compiled, not yet deployed. */
export interface CompiledLoad {
  candidates: Candidate[];
  refused: LoadProblem[];
  warnings: LoadWarning[];
}

/**
 * Parses and compiles every BPMN file of the sources. A file that cannot run
 * is refused as a whole and the others still load. When two files define the
 * same process id, the later source wins (PROCESSES_DIR comes after the
 * shipped seed folder), so alternating sources never pile up versions.
 */
export async function compileSources(
  sources: ProcessSource[],
): Promise<CompiledLoad> {
  const refused: LoadProblem[] = [];
  const warnings: LoadWarning[] = [];
  const candidates = new Map<string, Candidate>();

  for (const source of sources) {
    const forms = indexForms(source.forms, refused, warnings);
    for (const { file, text: xml } of source.bpmn) {
      const parsed = await parseBpmn(file, xml);
      if (!parsed.ok) {
        refused.push(parsed.problem);
        continue;
      }
      const result = compileDefinitions(file, parsed.definitions, forms);
      refused.push(...result.problems);
      warnings.push(...result.warnings);
      for (const compiled of result.processes) {
        const id = compiled.model.bpmnProcessId;
        const earlier = candidates.get(id);
        if (earlier) {
          warnings.push({
            file,
            elementId: id,
            kind: 'process replaced',
            message: `process '${id}' also comes from ${earlier.file}; this file's version is loaded`,
          });
        }
        candidates.set(id, {
          file,
          xml,
          compiled,
          checksum: checksumOf(xml, compiled),
        });
      }
    }
  }
  return { candidates: [...candidates.values()], refused, warnings };
}

/**
 * Deploys what compiled (synchronously, so a caller can make it part of a
 * larger transaction) and logs every warning, refusal and deployment. Each
 * process whose content changed since its newest version becomes a new
 * version; an unchanged one keeps its version, as on Zeebe.
 */
export function deployCompiled(
  store: TasklistStore,
  load: CompiledLoad,
  log: LoadLog,
  at: number = store.clock(),
): LoadReport {
  const { refused, warnings } = load;
  const deployed: LoadReport['deployed'] = load.candidates.map((candidate) => ({
    ...store.deploy(
      {
        compiled: candidate.compiled,
        resourceName: path.basename(candidate.file),
        xml: candidate.xml,
        checksum: candidate.checksum,
      },
      at,
    ),
    file: candidate.file,
  }));

  for (const warning of warnings) {
    log.warn(
      { file: warning.file, elementId: warning.elementId, kind: warning.kind },
      `BPMN: ${path.basename(warning.file)}: ${warning.message} (element '${warning.elementId}')`,
    );
  }
  for (const problem of refused) {
    log.error(
      { file: problem.file, elementId: problem.elementId },
      `BPMN file refused: ${describeProblem(problem)}`,
    );
  }
  for (const { definition, created, file } of deployed) {
    log.info(
      {
        file,
        bpmnProcessId: definition.bpmnProcessId,
        version: definition.version,
        key: definition.key,
      },
      created
        ? `deployed ${definition.bpmnProcessId} version ${String(definition.version)}`
        : `${definition.bpmnProcessId} unchanged (version ${String(definition.version)})`,
    );
  }
  return { deployed, refused, warnings };
}

/** Compiles and deploys sources (see `compileSources`, `deployCompiled`). */
export async function loadProcesses(
  store: TasklistStore,
  sources: ProcessSource[],
  log: LoadLog,
  at?: number,
): Promise<LoadReport> {
  return deployCompiled(store, await compileSources(sources), log, at);
}

/** Reads and loads folders in order (see `loadProcesses`). */
export async function loadProcessFolders(
  store: TasklistStore,
  dirs: string[],
  log: LoadLog,
  at?: number,
): Promise<LoadReport> {
  const sources = await Promise.all(dirs.map(readProcessFolder));
  return loadProcesses(store, sources, log, at);
}
