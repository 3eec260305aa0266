import { i18n } from '@lingui/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCataloguePart } from '../i18n/catalogues';
import {
  KNOWN_PROVIDER_ERRORS,
  UNKNOWN_PROVIDER_ERROR,
  describeProviderError,
} from './provider-errors';

// Its sentences are in the sign-in area, which the sign-in routes load.
beforeAll(() => loadCataloguePart('sign-in'));

describe('describeProviderError', () => {
  it('has a sentence of its own for every standard code', () => {
    // RFC 6749 4.1.2.1, OpenID Connect Core 3.1.2.6, RFC 8707.
    const standard = [
      'invalid_request',
      'unauthorized_client',
      'access_denied',
      'unsupported_response_type',
      'invalid_scope',
      'server_error',
      'temporarily_unavailable',
      'interaction_required',
      'login_required',
      'account_selection_required',
      'consent_required',
      'invalid_request_uri',
      'invalid_request_object',
      'request_not_supported',
      'request_uri_not_supported',
      'registration_not_supported',
      'invalid_target',
    ];
    expect([...KNOWN_PROVIDER_ERRORS].sort()).toEqual([...standard].sort());
    for (const code of standard) {
      const message = describeProviderError(code);
      expect(message).not.toBe(i18n._(UNKNOWN_PROVIDER_ERROR));
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it.each([
    'Please call +1 555 0100',
    '',
    'ACCESS_DENIED',
    '__proto__',
    'constructor',
    'toString',
  ])('answers %j with the generic sentence, never echoing it', (code) => {
    expect(describeProviderError(code)).toBe(i18n._(UNKNOWN_PROVIDER_ERROR));
  });
});
