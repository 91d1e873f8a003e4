// Runs one request for a form or dialog: a busy flag, and the error it answered (shown in place).
import { useCallback, useState } from 'react';
import type { ApiError } from './api.ts';
import { toApiError } from './useApiQuery.ts';

export type Submission = { error: ApiError | null; isBusy: boolean; run: (request: () => Promise<void>) => Promise<void>; clearError: () => void };

export function useSubmission(): Submission {
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const run = useCallback(async (request: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { error, isBusy, run, clearError };
}
