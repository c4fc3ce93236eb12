import { parseMetadata } from './parse-metadata';

jest.mock('htmlparser2', () => jest.requireActual('./testing/htmlparser2-cjs').htmlparser2AsCommonJs());

const page = new URL('https://www.example.com/articles/tides?ref=feed');
const asked = new URL('https://example.com/tides');

describe('parseMetadata', () => {
  it('prefers Open Graph, resolves a relative image against the page and decodes entities', () => {
    const html = `<!doctype html><html><head>
      <title>HTML title</title>
      <meta name="description" content="HTML description">
      <meta name="twitter:title" content="Twitter title">
      <meta property="og:title" content="  Spring   tides &amp; neaps ">
      <meta property="og:title" content="A second og:title is ignored">
      <meta property="og:description" content="When the moon pulls hardest.">
      <meta property="og:image" content="../img/tide.png">
      <meta property="og:site_name" content="Estuary Notes">
      <meta property="og:url" content="https://example.com/articles/tides">
    </head><body><title>not the title</title></body></html>`;
    expect(parseMetadata(html, page, asked)).toEqual({
      url: 'https://example.com/articles/tides',
      title: 'Spring tides & neaps',
      description: 'When the moon pulls hardest.',
      imageUrl: 'https://www.example.com/img/tide.png',
      siteName: 'Estuary Notes',
    });
  });

  it('falls back to Twitter cards, then to HTML, and to the page URL without og:url', () => {
    const twitter = `<head><title>HTML title</title><meta name="description" content="HTML description">
      <meta name="twitter:title" content="Twitter title"><meta name="twitter:description" content="Twitter description">
      <meta name="twitter:image" content="//cdn.example.net/card.jpg"></head>`;
    const plain = '<head><TITLE>Only &lt;HTML&gt;</TITLE><meta name="Description" content="Plain."><meta name="application-name" content="Tide App"></head>';
    expect([parseMetadata(twitter, page, asked), parseMetadata(plain, page, asked), parseMetadata('<p>no head at all', page, asked)]).toEqual([
      { url: page.href, title: 'Twitter title', description: 'Twitter description', imageUrl: 'https://cdn.example.net/card.jpg', siteName: null },
      { url: page.href, title: 'Only <HTML>', description: 'Plain.', imageUrl: null, siteName: 'Tide App' },
      { url: page.href, title: null, description: null, imageUrl: null, siteName: null },
    ]);
  });

  it('drops image and page URLs that are not http(s), carry credentials or that AWSURL refuses, taking the next candidate', () => {
    // AWSURL refuses `//` inside the path: https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html
    const html = (image: string, ogUrl: string) => `<meta property="og:image" content="${image}"><meta property="og:url" content="${ogUrl}">`;
    const redirectedTo = new URL('https://example.com/a//b');
    expect([
      parseMetadata(html('javascript:alert(1)', 'file:///etc/passwd'), page, asked),
      parseMetadata(html('data:image/png;base64,AAAA', 'https://user:pw@example.com/'), page, asked),
      parseMetadata(html('https://cdn.example.com/x//y.png', 'https://example.com/p//q'), redirectedTo, asked),
    ]).toEqual([
      { url: page.href, title: null, description: null, imageUrl: null, siteName: null },
      { url: page.href, title: null, description: null, imageUrl: null, siteName: null },
      { url: asked.href, title: null, description: null, imageUrl: null, siteName: null },
    ]);
  });

  it('cuts overlong text to its limit', () => {
    const html = `<title>${'t'.repeat(500)}</title><meta name="description" content="${'d'.repeat(5_000)}"><meta property="og:site_name" content="${'s'.repeat(300)}">`;
    expect(parseMetadata(html, page, asked)).toEqual({ url: page.href, title: 't'.repeat(300), description: 'd'.repeat(1_000), imageUrl: null, siteName: 's'.repeat(200) });
  });
});
