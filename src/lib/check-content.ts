/**
 * The gate before `astro build`: validates the registry and frontmatter, then
 * runs every document through the Markdown pipeline and turns fatal plugin
 * messages into located problems.
 */
import { processForCheck } from '../pipeline/check-processor.ts';
import { problem, type ContentProblem } from './content-errors.ts';
import { readContent, type SourceDocument } from './read-content.ts';
import { readCuratedRelations } from './relations/curated.ts';
import { RULES, type RuleId } from '../pipeline/rules.ts';
import type { Speaker } from './schema.ts';

export interface UnattributedStatement {
  file: string;
  line: number;
  text: string;
}

export interface AnnotationSummary {
  statements: number;
  attributed: number;
  unattributed: UnattributedStatement[];
  overrides: number;
  dates: number;
}

export interface ContentCheck {
  speakers: Speaker[];
  documents: SourceDocument[];
  problems: ContentProblem[];
  summary: AnnotationSummary;
}

export async function checkContent(root: string): Promise<ContentCheck> {
  const { speakers, documents, problems } = readContent(root);
  const summary: AnnotationSummary = { statements: 0, attributed: 0, unattributed: [], overrides: 0, dates: 0 };
  // Frontmatter problems come first: annotating a document whose frontmatter is wrong would only add noise.
  if (problems.length > 0) return { speakers, documents, problems, summary };
  const statementIds = new Set<string>();
  for (const document of documents) {
    const file = await processForCheck(document.body, document.file, document.frontmatter);
    const toFileLine = (line: number) => line + document.bodyLine - 1;
    for (const statement of file.data.statements ?? []) {
      statementIds.add(`${document.slug}/${statement.id}`);
      summary.statements++;
      if (statement.speakers.length > 0) summary.attributed++;
      else summary.unattributed.push({ file: document.file, line: toFileLine(statement.line), text: statement.text });
    }
    summary.overrides += file.data.overridesUsed ?? 0;
    summary.dates += (file.data as { dates?: unknown[] }).dates?.length ?? 0;
    for (const message of file.messages) {
      if (!message.fatal) continue;
      const rule = RULES[message.ruleId as RuleId];
      const line = message.line === undefined ? undefined : toFileLine(message.line);
      problems.push(problem('MarkdownRuleViolated', { file: document.file, line }, message.reason, rule?.hint ?? ''));
    }
  }
  // Curated relations name statements, so they can only be checked once every document is annotated.
  problems.push(...readCuratedRelations(root, statementIds).problems);
  return { speakers, documents, problems, summary };
}
