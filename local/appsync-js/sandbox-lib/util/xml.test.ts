import { xmlToJson } from '../../sandbox/xml-bridge';
import { createFakeHost } from './testing/fake-host';
import { createXmlUtil } from './xml';

const xml = createXmlUtil(createFakeHost({ xmlToJson }));

// https://docs.aws.amazon.com/appsync/latest/devguide/xml-helpers-in-util-xml-js.html
describe('util.xml.toMap', () => {
  it('converts the documented single-post example, typing numbers', () => {
    const input = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
    <id>1</id>
    <title>Getting started with GraphQL</title>
</post>
</posts>`;
    expect(xml.toMap(input)).toEqual({ posts: { post: { id: 1, title: 'Getting started with GraphQL' } } });
  });

  it('turns the documented repeated posts into an array', () => {
    const input = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
  <id>1</id>
  <title>Getting started with GraphQL</title>
</post>
<post>
  <id>2</id>
  <title>Getting started with AppSync</title>
</post>
</posts>`;
    expect(xml.toMap(input)).toEqual({
      posts: {
        post: [
          { id: 1, title: 'Getting started with GraphQL' },
          { id: 2, title: 'Getting started with AppSync' },
        ],
      },
    });
  });

  // HTTP resolvers that publish to SNS read util.xml.toMap(body).PublishResponse.PublishResult.
  it('reads an SNS Publish response, the namespace declaration being an attribute', () => {
    const input = `<PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
  <PublishResult>
    <MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId>
  </PublishResult>
  <ResponseMetadata>
    <RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId>
  </ResponseMetadata>
</PublishResponse>`;
    expect(xml.toMap(input)).toEqual({
      PublishResponse: {
        xmlns: 'https://sns.amazonaws.com/doc/2010-03-31/',
        PublishResult: { MessageId: '567910cd-659e-55d4-8ccb-5aaf14679dc0' },
        ResponseMetadata: { RequestId: 'd74b8436-ae13-5ab4-a9ff-ce54dfea72a0' },
      },
    });
  });

  // The documented examples follow org.json's XML.toJSONObject (stleary/JSON-java, XML.java):
  // attributes as keys, text beside them as "content", empty elements as "", typed values.
  it('follows the org.json conventions for attributes, text, entities and values', () => {
    const input = `<doc version="2">
  <flag>true</flag><none>null</none><zip>007</zip><ratio>-0.25</ratio><big>1e3</big>
  <empty/><blank></blank>
  <price currency="EUR">9.99</price>
  <text>a &amp; b &lt;c&gt; &#65;&#x42; &nbsp;</text>
  <raw><![CDATA[<b>1</b> &amp;]]></raw>
  <!-- dropped -->
</doc>`;
    expect(xml.toMap(input)).toEqual({
      doc: {
        version: 2,
        flag: true,
        none: null,
        zip: '007',
        ratio: -0.25,
        big: 1000,
        empty: '',
        blank: '',
        price: { currency: 'EUR', content: 9.99 },
        text: 'a & b <c> AB &nbsp;',
        raw: '<b>1</b> &amp;',
      },
    });
  });

  it('rejects malformed XML', () => {
    expect(() => xml.toMap('<a><b></a>')).toThrow("Malformed XML at line 1, column 7: Expected closing tag 'b' (opened in line 1, col 4) instead of closing tag 'a'.");
  });
});

describe('util.xml.toJsonString', () => {
  it('returns the JSON text, or that text encoded as a JSON string', () => {
    const input = '<post><id>1</id><title>Hi "there"</title></post>';
    expect([xml.toJsonString(input), xml.toJsonString(input, true)]).toEqual([
      '{"post":{"id":1,"title":"Hi \\"there\\""}}',
      '"{\\"post\\":{\\"id\\":1,\\"title\\":\\"Hi \\\\\\"there\\\\\\"\\"}}"',
    ]);
  });
});
