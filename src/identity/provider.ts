/**
 * The oidc-provider instance: clients, resource servers, keys, lifetimes,
 * claims, and our own pages in place of the library's defaults.
 */
import Provider, {
  errors,
  type Client,
  type Configuration,
  type GrantInstance,
  type KoaContextWithOIDC,
  type Token,
} from 'oidc-provider';
import { buildClients, isFirstParty, SIGNED_OUT_PATH } from './clients';
import type { IdentityConfig } from './config';
import type { KeyFile } from './keys';
import { renderMessagePage, renderSignOutPage } from './provider-pages';
import type { ResourceCatalog } from './resources';
import { securityHeaders } from './security-headers';
import { trustsAnyProxy } from './trusted-proxies';
import { userClaims, type UserDirectory } from './users';

export const APP_NAME = 'Tasklist Inbox';

export interface ProviderDeps {
  config: IdentityConfig;
  keys: KeyFile;
  users: UserDirectory;
  resources: ResourceCatalog;
}

/** An unfinished sign-in may sit on the form this long. */
const INTERACTION_TTL = 30 * 60;
const AUTHORIZATION_CODE_TTL = 60;

function setHtml(ctx: KoaContextWithOIDC, deps: ProviderDeps, html: string) {
  for (const [name, value] of Object.entries(
    securityHeaders(deps.config.appOrigins),
  )) {
    ctx.set(name, value);
  }
  ctx.type = 'html';
  ctx.body = html;
}

function resourceIndicators(deps: ProviderDeps) {
  const { resources, config } = deps;
  return {
    enabled: true,
    // Several resources may be granted; the client's own default wins.
    defaultResource(
      _ctx: KoaContextWithOIDC,
      client: Client,
      oneOf?: string[],
    ) {
      const fallback = resources.defaultFor(client.clientId)?.identifier;
      if (!oneOf) return fallback;
      return fallback && oneOf.includes(fallback) ? fallback : oneOf;
    },
    // Without this, an openid request's token would be an opaque token for
    // userinfo instead of a JWT for the resource the app asked for.
    useGrantedResource: () => true,
    getResourceServerInfo(
      _ctx: KoaContextWithOIDC,
      identifier: string,
      client: Client,
    ) {
      const resource = resources.byIdentifier(identifier);
      if (!resource?.clients.includes(client.clientId)) {
        throw new errors.InvalidTarget(
          `resource ${identifier} is not available to this client`,
        );
      }
      return {
        audience: resource.audience,
        scope: resource.scope,
        accessTokenFormat: 'jwt' as const,
        accessTokenTTL: config.accessTokenTtl,
        jwt: { sign: { alg: 'RS256' } },
      };
    },
  };
}

function logoutPages(deps: ProviderDeps) {
  const { config } = deps;
  return {
    enabled: true,
    logoutSource(ctx: KoaContextWithOIDC, form: string) {
      const hint = ctx.oidc.entities.IdTokenHint as
        { payload?: { sub?: unknown } } | undefined;
      const client = ctx.oidc.client;
      // A valid id_token_hint for the signed-in user proves the app itself
      // asked, so our own app's users are not asked a second time.
      const automatic =
        client !== undefined &&
        isFirstParty(config, client.clientId) &&
        hint?.payload?.sub !== undefined &&
        hint.payload.sub === ctx.oidc.session?.accountId;
      setHtml(
        ctx,
        deps,
        renderSignOutPage({ appName: APP_NAME, form, automatic }),
      );
    },
    postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
      const html = renderMessagePage({
        appName: APP_NAME,
        title: 'Signed out',
        message: 'You have signed out.',
        appUrl: `${config.appOrigins[0] ?? ''}${SIGNED_OUT_PATH}`,
      });
      setHtml(ctx, deps, html);
    },
  };
}

function lifetimes(config: IdentityConfig): Configuration['ttl'] {
  return {
    AccessToken: config.accessTokenTtl,
    ClientCredentials: config.accessTokenTtl,
    IdToken: config.accessTokenTtl,
    AuthorizationCode: AUTHORIZATION_CODE_TTL,
    Interaction: INTERACTION_TTL,
    // Sessions and grants live as long as the longest refresh token can.
    Session: config.refreshTokenTtl,
    Grant: config.refreshTokenTtl,
    RefreshToken(ctx) {
      // A rotated token inherits what is left, so rotation never extends
      // the absolute cap of IDENTITY_REFRESH_TOKEN_TTL.
      const rotated = ctx?.oidc.entities.RotatedRefreshToken as
        { remainingTTL: number } | undefined;
      return rotated ? rotated.remainingTTL : config.refreshTokenTtl;
    },
  };
}

async function firstPartyGrant(
  ctx: KoaContextWithOIDC,
  deps: ProviderDeps,
): Promise<GrantInstance | undefined> {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId =
    ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  if (!isFirstParty(deps.config, client.clientId)) return existing;

  // Our own app gets what it asks for within its registration: no consent page.
  const grant =
    existing ??
    new provider.Grant({
      clientId: client.clientId,
      accountId: session.accountId,
    });
  const oidcScopes = [...ctx.oidc.requestParamOIDCScopes].join(' ');
  if (oidcScopes) grant.addOIDCScope(oidcScopes);
  for (const server of Object.values(ctx.oidc.resourceServers)) {
    grant.addResourceScope(server.identifier(), server.scope);
  }
  await grant.save();
  return grant;
}

function accounts(deps: ProviderDeps): Partial<Configuration> {
  const { users } = deps;
  return {
    findAccount(_ctx, sub) {
      const user = users.find(sub);
      return Promise.resolve(
        user && { accountId: user.username, claims: () => userClaims(user) },
      );
    },
    // User access tokens carry who the user is, so the BFF needs no userinfo call.
    extraTokenClaims(_ctx, token: Token) {
      if (token.kind !== 'AccessToken' || !token.accountId) {
        return Promise.resolve(undefined);
      }
      const user = users.find(token.accountId);
      if (!user) return Promise.resolve(undefined);
      const { preferred_username, name, email, groups } = userClaims(user);
      return Promise.resolve({ preferred_username, name, email, groups });
    },
  };
}

function configuration(deps: ProviderDeps): Configuration {
  const { config, keys } = deps;
  return {
    clients: buildClients(config),
    clientBasedCORS: (_ctx, origin, client) =>
      isFirstParty(config, client.clientId) &&
      config.appOrigins.includes(origin),
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // ID tokens carry the profile claims themselves: the access token is
    // audience-bound to the BFF, and userinfo refuses such tokens.
    conformIdTokenClaims: false,
    cookies: {
      keys: keys.cookies,
      // Cookies ignore ports: prefixed names keep clear of the app's cookies
      // on the same host.
      names: {
        session: 'idp_session',
        interaction: 'idp_interaction',
        resume: 'idp_interaction_resume',
      },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx: unknown, client: Client, token: Token) =>
          token.clientId === client.clientId,
      },
      rpInitiatedLogout: logoutPages(deps),
      resourceIndicators: resourceIndicators(deps),
      userinfo: { enabled: true },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    jwks: { keys: keys.signing },
    // Code flow only: no implicit or hybrid responses to defend.
    responseTypes: ['code'],
    pkce: { required: () => true },
    ttl: lifetimes(config),
    ...accounts(deps),
    loadExistingGrant: (ctx) => firstPartyGrant(ctx, deps),
    issueRefreshToken: (_ctx, client, code) =>
      Promise.resolve(
        client.grantTypeAllowed('refresh_token') &&
          (code.scopes.has('offline_access') ||
            isFirstParty(config, client.clientId)),
      ),
    rotateRefreshToken: () => true,
    renderError: (ctx, out) => {
      const message =
        out.error === 'server_error' || !out.error_description
          ? 'Something went wrong on our side. Please try again.'
          : `${out.error_description} (${out.error ?? 'error'})`;
      const html = renderMessagePage({
        appName: APP_NAME,
        title: 'Sign-in problem',
        message,
        appUrl: `${config.appOrigins[0] ?? ''}/`,
        alert: true,
      });
      setHtml(ctx, deps, html);
      return Promise.resolve();
    },
  };
}

/** Builds the provider (not listening; app.ts mounts it). */
export function createProvider(deps: ProviderDeps): Provider {
  const provider = new Provider(deps.config.issuer, configuration(deps));
  // Trust X-Forwarded-* only when a proxy we control sets them.
  provider.proxy = trustsAnyProxy(deps.config.trustProxy);
  const headers = securityHeaders(deps.config.appOrigins);
  provider.use(async (ctx, next) => {
    for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
    await next();
  });
  return provider;
}
