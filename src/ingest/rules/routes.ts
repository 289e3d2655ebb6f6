import type { FastifyReply } from 'fastify';
import type { App } from '../../app-context.js';
import { invalid } from '../../platform/http/errors.js';
import { IdParams } from '../../platform/http/pagination.js';
import { replaceRules } from './commands.js';
import { dryRunRules } from './dry-run.js';
import { findRuleset, requireService } from './queries.js';
import {
  IfMatchHeaders,
  ReplaceRulesBody,
  Ruleset,
  ruleInputs,
  serializeEvaluation,
  serializeRuleset,
  TestRulesBody,
  TestRulesResult,
} from './schemas.js';
import type { RulesetScope } from './types.js';
import './policy.js';

/**
 * The version a save expects: from If-Match ("3", W/"3" or 3) or the body's `version`; undefined
 * when neither is given (or If-Match is *), which saves whatever the current version is.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  let fromHeader: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!m) throw invalid('If-Match', 'must be the ETag of the rules you read, e.g. "3"');
    fromHeader = Number(m[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw invalid('version', `is ${bodyVersion} but If-Match says ${fromHeader}; send one of them`);
  }
  return fromHeader ?? bodyVersion;
}

function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  void reply.header('etag', `"${body.version}"`);
  return body;
}

export async function eventRuleRoutes(app: App): Promise<void> {
  const getRules = async (scope: RulesetScope) => {
    if (scope.kind === 'service') await requireService(app.deps.db, scope.serviceId);
    return serializeRuleset(scope, await findRuleset(app.deps.db, scope));
  };

  app.get(
    '/api/v1/services/:id/rules',
    {
      config: { policy: 'event_rules.get' },
      schema: { tags: ['event rules'], summary: "A service's event rules, in evaluation order (ETag: the version)", params: IdParams, response: { 200: Ruleset } },
    },
    async (req, reply) => withEtag(reply, await getRules({ kind: 'service', serviceId: req.params.id })),
  );

  app.put(
    '/api/v1/services/:id/rules',
    {
      config: { policy: 'event_rules.update' },
      schema: {
        tags: ['event rules'],
        summary: "Replace a service's event rules (send If-Match or version to avoid overwriting someone else's change)",
        params: IdParams,
        headers: IfMatchHeaders,
        body: ReplaceRulesBody,
        response: { 200: Ruleset },
      },
    },
    async (req, reply) => {
      const scope: RulesetScope = { kind: 'service', serviceId: req.params.id };
      const version = expectedVersion(req.headers['if-match'], req.body.version);
      const row = await replaceRules(app.ctx(req), scope, { rules: ruleInputs(req.body.rules), ...(version !== undefined ? { expectedVersion: version } : {}) });
      return withEtag(reply, serializeRuleset(scope, row));
    },
  );

  app.get(
    '/api/v1/event-rules/router',
    {
      config: { policy: 'event_rules.get' },
      schema: { tags: ['event rules'], summary: 'The global router rules: the first match decides the service', response: { 200: Ruleset } },
    },
    async (_req, reply) => withEtag(reply, await getRules({ kind: 'router' })),
  );

  app.put(
    '/api/v1/event-rules/router',
    {
      config: { policy: 'event_rules.update' },
      schema: {
        tags: ['event rules'],
        summary: 'Replace the global router rules',
        headers: IfMatchHeaders,
        body: ReplaceRulesBody,
        response: { 200: Ruleset },
      },
    },
    async (req, reply) => {
      const scope: RulesetScope = { kind: 'router' };
      const version = expectedVersion(req.headers['if-match'], req.body.version);
      const row = await replaceRules(app.ctx(req), scope, { rules: ruleInputs(req.body.rules), ...(version !== undefined ? { expectedVersion: version } : {}) });
      return withEtag(reply, serializeRuleset(scope, row));
    },
  );

  app.post(
    '/api/v1/event-rules/test',
    {
      config: { policy: 'event_rules.test' },
      schema: {
        tags: ['event rules'],
        summary: 'Dry run: which rule an event would match and what it would do (nothing is stored)',
        body: TestRulesBody,
        response: { 200: TestRulesResult },
      },
    },
    async (req) => serializeEvaluation(dryRunRules(ruleInputs(req.body.rules), req.body.event, req.body.scope ?? 'router', app.deps.clock.now())),
  );
}
