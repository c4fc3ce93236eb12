import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The password rules every stage uses; also written to amplify_outputs.json for client-side checks. */
export interface PasswordRules {
  readonly minLength: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireDigits: boolean;
  readonly requireSymbols: boolean;
}

export const PASSWORD_RULES: PasswordRules = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
};

/** The Cognito group whose members may call the admin-only operations. */
export const ADMINS_GROUP = 'ADMINS';

export interface OutpostAuthProps {
  /**
   * What happens to the user pool (and its users) when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Cognito sign-in for the mobile apps: a user pool with email sign-in, the ADMINS group and a public app client. */
export class OutpostAuth extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly passwordRules: PasswordRules = PASSWORD_RULES;

  constructor(scope: Construct, id: string, props: OutpostAuthProps = {}) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: { ...PASSWORD_RULES, tempPasswordValidity: Duration.days(3) },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OFF,
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.userPool.addGroup('AdminsGroup', {
      groupName: ADMINS_GROUP,
      description: 'Operators allowed to call the admin-only operations.',
    });

    // A mobile app cannot keep a secret, so the client has none; USER_PASSWORD_AUTH serves scripts and
    // tests (and cognito-local), SRP serves the Amplify client.
    this.userPoolClient = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      // Sign-in is native (Amplify's signIn), not the hosted UI, so no OAuth flows or callback URLs.
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is left to each app: requiring it at sign-up blocks the offline-first onboarding the mobile clients use, and cognito-local cannot emulate it.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection needs the Plus feature plan, an opt-in cost; the Essentials plan covers the email sign-in, groups and password policy used here, and cognito-local emulates no Plus feature.',
      },
    );
  }
}
