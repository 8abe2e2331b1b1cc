import { describe, expect, it } from 'vitest';
import { apiErrorMessage, statusDescription } from '../../../../main/core/connection/api-error-message';

describe('apiErrorMessage', () => {
  it('names the parameter, the reason and the error code', () => {
    const body = {
      errors: [
        {
          errorCode: 'CMN-101',
          message: 'is not an IANA time zone name',
          parameterName: 'timeSettings.timeZone',
        },
      ],
    };
    expect(apiErrorMessage({ status: 400, body })).toBe(
      'timeSettings.timeZone: is not an IANA time zone name (CMN-101)',
    );
  });

  it('does not repeat a parameter the message already names', () => {
    const body = {
      errors: [
        {
          errorCode: 'CMN-101',
          message: 'Parameter [timeSettings.timeZone] value is invalid: is not an IANA time zone name',
          parameterName: 'timeSettings.timeZone',
        },
      ],
    };
    expect(apiErrorMessage({ status: 400, body })).toBe(
      'Parameter [timeSettings.timeZone] value is invalid: is not an IANA time zone name (CMN-101)',
    );
  });

  it('joins several errors and copes with missing fields', () => {
    const body = {
      errors: [
        { errorCode: 'CMN-102', message: 'Resource is not found' },
        { message: 'Too many keys', parameterName: 'grouping.keys' },
        { errorCode: 'OAU-213' },
        'not an object',
      ],
    };
    expect(apiErrorMessage({ status: 400, body })).toBe(
      'Resource is not found (CMN-102); grouping.keys: Too many keys; was refused (OAU-213)',
    );
  });

  it('falls back to the status only when there is no errors[] body', () => {
    expect(apiErrorMessage({ status: 503, body: undefined })).toBe('HTTP 503 Service Unavailable');
    expect(apiErrorMessage({ status: 502, body: { message: 'upstream' } })).toBe('HTTP 502 Bad Gateway');
    expect(apiErrorMessage({ status: 400, body: { errors: [] } })).toBe('HTTP 400 Bad Request');
    expect(statusDescription(599)).toBe('HTTP 599');
  });
});
