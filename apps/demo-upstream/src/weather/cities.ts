export interface City {
  id: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  timezone: string;
  /** Typical temperature in °C, the centre the demo's numbers vary around. */
  baseTemperatureC: number;
}

export const CITIES: readonly City[] = [
  { id: 'amsterdam', name: 'Amsterdam', country: 'NL', latitude: 52.37, longitude: 4.9, timezone: 'Europe/Amsterdam', baseTemperatureC: 11 },
  { id: 'berlin', name: 'Berlin', country: 'DE', latitude: 52.52, longitude: 13.4, timezone: 'Europe/Berlin', baseTemperatureC: 10 },
  { id: 'buenos-aires', name: 'Buenos Aires', country: 'AR', latitude: -34.6, longitude: -58.38, timezone: 'America/Argentina/Buenos_Aires', baseTemperatureC: 18 },
  { id: 'cairo', name: 'Cairo', country: 'EG', latitude: 30.04, longitude: 31.24, timezone: 'Africa/Cairo', baseTemperatureC: 23 },
  { id: 'lagos', name: 'Lagos', country: 'NG', latitude: 6.52, longitude: 3.38, timezone: 'Africa/Lagos', baseTemperatureC: 27 },
  { id: 'london', name: 'London', country: 'GB', latitude: 51.51, longitude: -0.13, timezone: 'Europe/London', baseTemperatureC: 12 },
  { id: 'mumbai', name: 'Mumbai', country: 'IN', latitude: 19.08, longitude: 72.88, timezone: 'Asia/Kolkata', baseTemperatureC: 28 },
  { id: 'new-york', name: 'New York', country: 'US', latitude: 40.71, longitude: -74.01, timezone: 'America/New_York', baseTemperatureC: 13 },
  { id: 'paris', name: 'Paris', country: 'FR', latitude: 48.86, longitude: 2.35, timezone: 'Europe/Paris', baseTemperatureC: 12 },
  { id: 'sydney', name: 'Sydney', country: 'AU', latitude: -33.87, longitude: 151.21, timezone: 'Australia/Sydney', baseTemperatureC: 18 },
  { id: 'tokyo', name: 'Tokyo', country: 'JP', latitude: 35.68, longitude: 139.69, timezone: 'Asia/Tokyo', baseTemperatureC: 16 },
];

export function findCity(id: string): City | undefined {
  return CITIES.find((city) => city.id === id.toLowerCase());
}
