// The CDK app that `cdk synth|deploy` runs (see cdk.json); `npm run synth` uses infra/bin/synth.ts.
import { createOutpostApp } from '../lib/outpost-app';

createOutpostApp().app.synth();
