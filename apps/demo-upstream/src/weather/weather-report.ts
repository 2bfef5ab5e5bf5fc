// Generated weather: every number comes from a seed made of the city and the day offset,
// so a city's forecast is the same on every run.
import type { City } from './cities';
import { seededRandom } from './seeded-random';

export type Units = 'metric' | 'imperial';
const CONDITIONS = ['clear', 'partly-cloudy', 'cloudy', 'rain', 'thunderstorm', 'fog'] as const;
export type Condition = (typeof CONDITIONS)[number] | 'snow';

const round1 = (value: number): number => Math.round(value * 10) / 10;
const temperature = (celsius: number, units: Units): number => round1(units === 'metric' ? celsius : (celsius * 9) / 5 + 32);
const speed = (kmh: number, units: Units): number => round1(units === 'metric' ? kmh : kmh / 1.609344);
const rainfall = (mm: number, units: Units): number => (units === 'metric' ? round1(mm) : Math.round((mm / 25.4) * 100) / 100);

function pickCondition(random: () => number, celsius: number): Condition {
  const condition = CONDITIONS[Math.floor(random() * CONDITIONS.length)] ?? 'clear';
  return condition === 'rain' && celsius < 1 ? 'snow' : condition;
}

const WET: readonly Condition[] = ['rain', 'thunderstorm', 'snow'];

export function describeCity(city: City) {
  const { id, name, country, latitude, longitude, timezone } = city;
  return { id, name, country, latitude, longitude, timezone };
}

export function currentWeather(city: City, units: Units, now: Date) {
  const random = seededRandom(`${city.id}:current`);
  const celsius = city.baseTemperatureC + (random() - 0.5) * 10;
  const condition = pickCondition(random, celsius);
  const windKmh = 3 + random() * 30;
  const observedAt = new Date(now);
  observedAt.setUTCMinutes(0, 0, 0);
  return {
    city: describeCity(city),
    units,
    observedAt: observedAt.toISOString(),
    temperature: temperature(celsius, units),
    feelsLike: temperature(celsius - windKmh / 10, units),
    humidity: Math.round(35 + random() * 60),
    windSpeed: speed(windKmh, units),
    windDirection: Math.round(random() * 359),
    condition,
    precipitation: rainfall(WET.includes(condition) ? random() * 12 : 0, units),
  };
}

export function forecast(city: City, units: Units, days: number, today: Date) {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return {
    city: describeCity(city),
    units,
    days: Array.from({ length: days }, (_, index) => {
      const random = seededRandom(`${city.id}:day:${index}`);
      const low = city.baseTemperatureC - 2 - random() * 6;
      const high = low + 4 + random() * 8;
      const condition = pickCondition(random, (low + high) / 2);
      const wet = WET.includes(condition);
      return {
        date: new Date(start + index * 86_400_000).toISOString().slice(0, 10),
        minTemperature: temperature(low, units),
        maxTemperature: temperature(high, units),
        condition,
        precipitationChance: wet ? Math.round(55 + random() * 45) : Math.round(random() * 30),
        precipitation: rainfall(wet ? 1 + random() * 20 : 0, units),
        windSpeed: speed(5 + random() * 35, units),
      };
    }),
  };
}
