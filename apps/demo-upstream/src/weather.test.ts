import { describe, expect, it } from 'vitest';
import { call, useDemoUpstream } from './testing';

const NOW = new Date('2026-03-10T12:34:56Z');
const upstream = useDemoUpstream({ now: () => NOW });

describe('weather', () => {
  it('lists the cities', async () => {
    const { status, body } = await call(upstream.url, '/weather/cities');
    expect(status).toBe(200);
    const { items, total } = body as { items: { id: string }[]; total: number };
    expect(total).toBe(items.length);
    expect(items.map((city) => city.id)).toContain('london');
    expect(items[0]).toEqual({ id: 'amsterdam', name: 'Amsterdam', country: 'NL', latitude: 52.37, longitude: 4.9, timezone: 'Europe/Amsterdam' });
  });

  it('gives the same current weather on every call, in either unit system', async () => {
    const first = await call(upstream.url, '/weather/current/london');
    const second = await call(upstream.url, '/weather/current/London');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(second.body).toEqual(first.body);
    const metric = first.body as { temperature: number; observedAt: string; humidity: number; units: string };
    expect(metric).toMatchObject({ units: 'metric', observedAt: '2026-03-10T12:00:00.000Z' });
    expect(metric.humidity).toBeGreaterThanOrEqual(0);
    expect(metric.humidity).toBeLessThanOrEqual(100);
    const imperial = (await call(upstream.url, '/weather/current/london?units=imperial')).body as { temperature: number };
    expect(imperial.temperature).toBeCloseTo((metric.temperature * 9) / 5 + 32, 0);
  });

  it('forecasts the requested number of days from today', async () => {
    const { status, body } = await call(upstream.url, '/weather/forecast/tokyo?days=3');
    expect(status).toBe(200);
    const { days, city } = body as { city: { id: string }; days: { date: string; minTemperature: number; maxTemperature: number }[] };
    expect(city.id).toBe('tokyo');
    expect(days.map((day) => day.date)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
    for (const day of days) expect(day.maxTemperature).toBeGreaterThan(day.minTemperature);
    const week = (await call(upstream.url, '/weather/forecast/tokyo')).body as { days: unknown[] };
    expect(week.days).toHaveLength(7);
    expect(week.days.slice(0, 3)).toEqual(days);
  });

  it('answers 404 for an unknown city and 400 for bad query parameters', async () => {
    const missing = await call(upstream.url, '/weather/forecast/atlantis');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toBe('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/weather/forecast/atlantis' });

    const badDays = await call(upstream.url, '/weather/forecast/paris?days=30');
    expect(badDays.status).toBe(400);
    expect(badDays.body).toMatchObject({ status: 400, invalid_params: [{ name: 'days' }] });

    const badUnits = await call(upstream.url, '/weather/current/paris?units=kelvin');
    expect(badUnits.status).toBe(400);
    expect(badUnits.body).toMatchObject({ invalid_params: [{ name: 'units' }] });
  });
});
