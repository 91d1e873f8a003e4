// Who is logged in, at which stage of the log-in, and with which permissions. The CSRF token of
// the session is handed to the API client here.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SessionView } from '../../../src/modules/accounts/accounts.contract.ts';
import { ApiError, api, configureApiClient } from './api.ts';

export type Session = SessionView;

export type SessionState = { status: 'loading' } | { status: 'anonymous'; notice: ApiError | null } | { status: 'signed-in'; session: Session };

type SessionValue = {
  state: SessionState;
  setSession: (session: Session) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const setSession = useCallback((session: Session) => {
    configureApiClient({ csrfToken: session.csrfToken });
    setState({ status: 'signed-in', session });
  }, []);

  useEffect(() => {
    configureApiClient({
      onUnauthenticated: (error) => {
        configureApiClient({ csrfToken: null });
        setState({ status: 'anonymous', notice: error });
      },
    });
    let cancelled = false;
    api.get('/api/auth/session', SessionView).then(
      (session) => {
        if (!cancelled) setSession(session);
      },
      (error: unknown) => {
        if (cancelled) return;
        const isExpired = error instanceof ApiError && error.code === 'auth.session_expired';
        setState({ status: 'anonymous', notice: isExpired || (error instanceof ApiError && !error.isUnauthenticated) ? error : null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [setSession]);

  const signOut = useCallback(async () => {
    try {
      await api.command('POST', '/api/auth/logout');
    } finally {
      configureApiClient({ csrfToken: null });
      setState({ status: 'anonymous', notice: null });
    }
  }, []);

  const value = useMemo(() => ({ state, setSession, signOut }), [state, setSession, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** The signed-in session; only for components rendered inside the shell. */
export function useSession(): Session {
  const { state } = useSessionState();
  if (state.status !== 'signed-in') throw new Error('useSession without a signed-in session');
  return state.session;
}

export function useCan(): (permission: string) => boolean {
  const session = useSession();
  return useCallback((permission: string) => session.stage === 'active' && session.permissions.includes(permission), [session]);
}
