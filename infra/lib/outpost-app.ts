import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { resolveStageConfig } from './config';
import { OutpostStack } from './outpost-stack';

/** The stack's name for a stage: one stack per stage, so dev and prod can share an account. */
export function outpostStackName(stage: string): string {
  return `Outpost-${stage}`;
}

/**
 * Builds the Outpost CDK app: reads the stage settings from context (`-c stage=dev|prod`,
 * `-c inactiveUserTtlDays=N`), adds the stack and runs cdk-nag's AWS Solutions checks at synth,
 * which fails on any unacknowledged finding.
 */
export function createOutpostApp(props: AppProps = {}): { app: App; stack: OutpostStack } {
  const app = new App(props);
  const config = resolveStageConfig({
    stage: app.node.tryGetContext('stage'),
    inactiveUserTtlDays: app.node.tryGetContext('inactiveUserTtlDays'),
    searchDomain: app.node.tryGetContext('searchDomain'),
  });
  const stack = new OutpostStack(app, outpostStackName(config.stage), {
    config,
    // Unset until `cdk deploy` supplies them: the template stays environment-agnostic.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
