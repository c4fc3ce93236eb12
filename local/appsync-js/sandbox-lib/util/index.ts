// Assembles `util` from the factories of each util area.
import type { SandboxHost } from '../host';
import { createCoreUtil } from './core';
import { createDynamoDbUtil } from './dynamodb/index';
import { createHttpUtil } from './http';
import { createMathUtil } from './math';
import { createStrUtil } from './str';
import { createTimeUtil } from './time/index';
import { createTransformUtil } from './transform/index';
import { createXmlUtil } from './xml';

export function createUtil(host: SandboxHost) {
  return {
    ...createCoreUtil(host),
    str: createStrUtil(host),
    math: createMathUtil(host),
    time: createTimeUtil(host),
    http: createHttpUtil(host),
    xml: createXmlUtil(host),
    dynamodb: createDynamoDbUtil(host),
    transform: createTransformUtil(host),
  };
}
