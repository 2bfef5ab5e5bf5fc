import { z } from 'zod';
import { parseQuery } from '../http/parse-input';
import { notFound } from '../http/problem';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { CITIES, findCity, type City } from './cities';
import { currentWeather, describeCity, forecast } from './weather-report';

const ZUnits = z.enum(['metric', 'imperial']).default('metric');
const ZCurrentQuery = z.strictObject({ units: ZUnits });
const ZForecastQuery = z.strictObject({ units: ZUnits, days: z.coerce.number().int().min(1).max(14).default(7) });

function cityOrThrow(id: string | undefined): City {
  const city = findCity(id ?? '');
  if (!city) throw notFound(`No city "${id}". GET /weather/cities lists the known ones.`);
  return city;
}

export function weatherRoutes(now: () => Date): Route[] {
  return [
    {
      method: 'GET',
      path: '/weather/cities',
      handle: ({ res }) => sendJson(res, 200, { items: CITIES.map(describeCity), total: CITIES.length }),
    },
    {
      method: 'GET',
      path: '/weather/current/{city}',
      handle: ({ res, url, params }) => {
        const city = cityOrThrow(params.city);
        const { units } = parseQuery(url, ZCurrentQuery);
        sendJson(res, 200, currentWeather(city, units, now()), { 'cache-control': 'public, max-age=300' });
      },
    },
    {
      method: 'GET',
      path: '/weather/forecast/{city}',
      handle: ({ res, url, params }) => {
        const city = cityOrThrow(params.city);
        const { units, days } = parseQuery(url, ZForecastQuery);
        sendJson(res, 200, forecast(city, units, days, now()), { 'cache-control': 'public, max-age=3600' });
      },
    },
  ];
}
