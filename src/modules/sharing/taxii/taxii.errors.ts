// Error codes of the TAXII 2.1 server, the TAXII client and polled subscriptions. TAXII answers
// carry them as `error_code` in a TAXII error message (taxii.error-reply.ts).
import { defineErrors } from '#kernel/errors.ts';

export const taxiiErrors = defineErrors('taxii', {
  credentials_required: 401,
  invalid_credentials: 401,
  forbidden: 403,
  write_forbidden: 403,
  delete_refused: 403,
  not_acceptable: 406,
  collection_not_found: 404,
  object_not_found: 404,
  status_not_found: 404,
  invalid_filter: 400,
  invalid_envelope: 400,
  empty_envelope: 422,
  poll_in_progress: 409,
  remote_invalid_url: 400,
  remote_unreachable: 502,
  remote_http_error: 502,
  remote_content_type: 502,
  remote_bad_json: 502,
  remote_too_large: 502,
  remote_no_progress: 502,
  poll_failed: 500,
});
