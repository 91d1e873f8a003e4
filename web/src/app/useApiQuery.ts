// Loads data for a page and reloads it on demand; keeps the last error for the page to show.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, CLIENT_ERROR_CODES } from './api.ts';

export type QueryState<T> = {
  data: T | null;
  error: ApiError | null;
  isLoading: boolean;
  reload: () => void;
  /** Shows a value the server has just answered (a change returning the new record) without asking again. */
  replace: (value: T) => void;
};

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: '', details: {}, requestId: null });
}

export function useApiQuery<T>(load: () => Promise<T>, dependencies: readonly unknown[] = []): QueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load().then(
      (value) => {
        if (cancelled) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (cancelled) return;
        setError(toApiError(caught));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [generation, ...dependencies]); // callers list what the loader depends on

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((value: T) => {
    setData(value);
    setError(null);
  }, []);
  return { data, error, isLoading, reload, replace };
}
