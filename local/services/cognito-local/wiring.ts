// Builds cognito-local's services the way its createDefaultServer does, with our data dir, issuer, clock and log.
import type { Logger } from 'pino';
import type { Config } from 'cognito-local/lib/server/config';
import type { Services } from 'cognito-local/lib/services';
import { MessagesService, TriggersService } from 'cognito-local/lib/services';
import type { Clock as CognitoClock } from 'cognito-local/lib/services/clock';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import { LogMessageSender } from './message-sender';
import { noCognitoTriggers, noTriggerEncryption } from './triggers';

export interface WiringOptions {
  dataDir: string;
  endpoint: string;
  port: number;
  hostname: string;
  clock: CognitoClock;
  log: (line: string) => void;
  logger: Logger;
}

export async function buildServices(options: WiringOptions): Promise<Services> {
  const dataStoreFactory = new StormDBDataStoreFactory(options.dataDir);
  const config: Config = {
    LambdaClient: {},
    TriggerFunctions: {},
    // No defaults of our own: each pool gets exactly the settings the template gives it.
    UserPoolDefaults: {},
    ServerConfig: { port: options.port, hostname: options.hostname, development: false, https: false },
    // The `iss` of every token: this server's own address, so a verifier can fetch the JWKS from it.
    TokenConfig: { IssuerDomain: options.endpoint },
  };
  const cognito = await new CognitoServiceFactoryImpl(
    options.dataDir,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(options.clock, dataStoreFactory),
  ).create({ logger: options.logger }, config.UserPoolDefaults);
  const triggers = new TriggersService(options.clock, cognito, noCognitoTriggers, noTriggerEncryption);
  return {
    clock: options.clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(new LogMessageSender(options.log))),
    otp,
    tokenGenerator: new JwtTokenGenerator(options.clock, triggers, config.TokenConfig),
    triggers,
  };
}
