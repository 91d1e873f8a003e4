import type { Actor } from './actor.ts';

export type LoginStage = 'active' | 'totp' | 'password_change' | 'totp_enrolment';

/** The resolved credentials of a request. Until the stage is active the actor holds no permissions. */
export type RequestAuth = {
  stage: LoginStage;
  actor: Actor;
  sessionId: string | null;
  csrfToken: string | null;
};

export type Authenticator = {
  fromSessionToken(token: string): Promise<RequestAuth | 'expired' | null>;
  fromApiToken(token: string): Promise<RequestAuth | null>;
};
