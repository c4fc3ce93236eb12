// Signs in against the user pool the way the AWS SDK would: one InitiateAuth call in the
// AWS JSON 1.1 protocol, with the USER_PASSWORD_AUTH flow that cognito-local supports.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html

export interface SignedInSession {
  readonly username: string;
  readonly idToken: string;
}

/** Sign-in failed; the message is what the person sees. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

interface InitiateAuthResponse {
  readonly AuthenticationResult?: { readonly IdToken?: string };
  readonly ChallengeName?: string;
  readonly __type?: string;
  readonly message?: string;
}

export async function initiateAuth(
  endpoint: string,
  clientId: string,
  username: string,
  password: string,
): Promise<SignedInSession> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    });
  } catch (error) {
    throw new SignInError(`The user pool at ${endpoint} cannot be reached.`, { cause: error });
  }
  const text = await response.text();
  let body: InitiateAuthResponse;
  try {
    body = JSON.parse(text) as InitiateAuthResponse;
  } catch (error) {
    throw new SignInError(`The user pool answered HTTP ${response.status} with something other than JSON: ${text}`, { cause: error });
  }
  if (!response.ok) {
    // AWS JSON errors name their type in __type, sometimes prefixed with a namespace and '#'.
    const type = body.__type?.split('#').pop() ?? `HTTP ${response.status}`;
    throw new SignInError(`${type}: ${body.message ?? 'sign-in failed'}`);
  }
  const idToken = body.AuthenticationResult?.IdToken;
  if (idToken === undefined) {
    throw new SignInError(
      body.ChallengeName !== undefined
        ? `The user pool asks for the ${body.ChallengeName} challenge, which the explorer does not answer.`
        : 'The user pool answered without an ID token.',
    );
  }
  return { username, idToken };
}
