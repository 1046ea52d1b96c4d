// Storage layer, pure functions: SigV4 and OSS V1 signing against published vectors, URL
// building, WWW-Authenticate parsing, default headers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultHeaders, USER_AGENT } from '../../src/storage/http.js';
import { httpProxyBlobUrl } from '../../src/storage/http-proxy.js';
import { ossSignature, ossStringToSign } from '../../src/storage/oss.js';
import { authUser, parseChallenge } from '../../src/storage/registry.js';
import { amzDate, EMPTY_SHA256, signV4 } from '../../src/storage/s3.js';

test('SigV4 reproduces the AWS S3 "GET Object" example (Range bytes=0-9)', () => {
  // docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, single-chunk payload.
  const r = signV4({
    method: 'GET', host: 'examplebucket.s3.amazonaws.com', path: '/test.txt', headers: { Range: 'bytes=0-9' }, region: 'us-east-1',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', date: new Date('2013-05-24T00:00:00Z'),
  });
  assert.is(r.canonicalRequest, [
    'GET', '/test.txt', '',
    'host:examplebucket.s3.amazonaws.com', 'range:bytes=0-9', `x-amz-content-sha256:${EMPTY_SHA256}`, 'x-amz-date:20130524T000000Z', '',
    'host;range;x-amz-content-sha256;x-amz-date', EMPTY_SHA256,
  ].join('\n'));
  assert.is(r.stringToSign, 'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
  assert.is(r.signature, 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  assert.is(r.headers.Authorization, 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
});

test('SigV4 leaves User-Agent and Authorization out of the signed headers', () => {
  const r = signV4({
    method: 'HEAD', host: 'h', path: '/b/k', headers: { 'User-Agent': USER_AGENT, Authorization: 'x' }, region: 'r', accessKeyId: 'a', secretAccessKey: 's', date: new Date(0),
  });
  assert.match(r.headers.Authorization, /SignedHeaders=host;x-amz-content-sha256;x-amz-date,/);
  assert.is(amzDate(new Date(0)), '19700101T000000Z');
});

test('OSS V1 signature reproduces the Aliyun documentation example', () => {
  // help.aliyun.com "Include a V1 signature in the header": PUT /nelson, expected 26NBxoKdsyly4EDv6inkoDft/yA=.
  const sts = ossStringToSign('PUT', 'ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=', 'text/html', 'Thu, 17 Nov 2005 18:49:58 GMT',
    { 'X-OSS-Meta-Author': 'foo@bar.com', 'X-OSS-Magic': 'abracadabra', Host: 'oss-example.oss-cn-hangzhou.aliyuncs.com' }, '/oss-example/nelson');
  assert.is(sts, 'PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\nx-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson');
  assert.is(ossSignature('OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV', sts), '26NBxoKdsyly4EDv6inkoDft/yA=');
});

test('http-proxy blob URLs join path and blob id like a file-system path', () => {
  assert.is(httpProxyBlobUrl('http://h:1', '/ns/repo/blobs', 'abc').href, 'http://h:1/ns/repo/blobs/abc');
  assert.is(httpProxyBlobUrl('http://h:1/', '/ns/repo/blobs/', 'abc').href, 'http://h:1/ns/repo/blobs/abc');
  assert.is(httpProxyBlobUrl('http://h:1', '', 'abc').href, 'http://h:1/abc');
});

test('WWW-Authenticate challenges parse into scheme and parameters', () => {
  assert.equal(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"'), {
    scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull' },
  });
  assert.equal(parseChallenge('Basic realm="nydus-test"'), { scheme: 'basic', params: { realm: 'nydus-test' } });
  assert.is(parseChallenge(undefined), null);
  assert.is(authUser(Buffer.from('bob:s:e:cret').toString('base64')), 'bob');
});

test('default headers: nydusd User-Agent plus NYDUS_HEADER_<Name> variables', () => {
  assert.equal(defaultHeaders({ NYDUS_HEADER_X_Trace: 't1', NYDUS_HEADER_: 'ignored', OTHER: 'x' }), { 'User-Agent': 'nydusd/1.0.0', X_Trace: 't1' });
});

test.run();
