import { describe, expect, it } from 'vitest';
import { assertSafeWebhookUrl, isAllowedWebhookAddress } from './webhook-url';

describe('webhook URL safety', () => {
  it('refuses private, link-local, metadata and reserved addresses', () => {
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::', 'fd00:ec2::254', 'fe80::1', '::ffff:10.0.0.1', '::ffff:169.254.169.254']) {
      expect(isAllowedWebhookAddress(address, true), address).toBe(false);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) {
      expect(isAllowedWebhookAddress(address, false), address).toBe(true);
    }
  });

  it('loopback only when insecure webhooks are allowed', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isAllowedWebhookAddress(address, false), address).toBe(false);
      expect(isAllowedWebhookAddress(address, true), address).toBe(true);
    }
  });

  it('checks scheme and resolved addresses', async () => {
    await expect(assertSafeWebhookUrl('http://127.0.0.1:9/hook', false)).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(assertSafeWebhookUrl('https://127.0.0.1:9/hook', false)).rejects.toThrow(/loopback|private/);
    await expect(assertSafeWebhookUrl('https://169.254.169.254/latest', true)).rejects.toThrow(/private/);
    await expect(assertSafeWebhookUrl('https://[::ffff:a9fe:a9fe]/', true)).rejects.toThrow(/private/);
    await expect(assertSafeWebhookUrl('http://10.0.0.1/hook', true)).rejects.toThrow(/private/);
    await expect(assertSafeWebhookUrl('https://user:pw@8.8.8.8/', false)).rejects.toThrow(/credentials/);
    await expect(assertSafeWebhookUrl('ftp://8.8.8.8/', true)).rejects.toThrow(/https/);
    // "localhost" resolves to loopback: fine only in insecure mode
    await expect(assertSafeWebhookUrl('http://localhost:9/hook', true)).resolves.toBeInstanceOf(URL);
    await expect(assertSafeWebhookUrl('https://localhost:9/hook', false)).rejects.toThrow(/loopback/);
    await expect(assertSafeWebhookUrl('https://8.8.8.8/hook', false)).resolves.toBeInstanceOf(URL);
  });
});
