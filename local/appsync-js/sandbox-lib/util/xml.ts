// util.xml: XML to an object or to JSON text. The parsing itself runs on the host (fast-xml-parser
// cannot run inside the vm context); the bridge returns JSON text, which stays a primitive.
import type { SandboxHost } from '../host';

export function createXmlUtil(host: SandboxHost) {
  return {
    toMap(xml: string): Record<string, unknown> | null {
      if (xml === null || xml === undefined) return null;
      return JSON.parse(host.bridge.xmlToJson(String(xml))) as Record<string, unknown>;
    },
    /** With stringEncode, the JSON text is itself encoded as a JSON string literal. */
    toJsonString(xml: string, stringEncode?: boolean): string {
      const json = host.bridge.xmlToJson(String(xml));
      return stringEncode === true ? JSON.stringify(json) : json;
    },
  };
}
