import { temperatureColor, textOn } from './colors';

it('picks readable text on a temperature colour', () => {
  expect(textOn(temperatureColor(0))).toBe('#ffffff');
  expect(textOn(temperatureColor(55))).toBe('#262626');
  expect(textOn('#d9d9d9')).toBe('#262626');
});

it('colours temperatures from blue (cold) to red (hot), grey when unknown', () => {
  expect(temperatureColor(0)).toBe('rgb(30, 58, 138)');
  expect(temperatureColor(100)).toBe('rgb(183, 28, 28)');
  expect(temperatureColor(null)).toBe('#d9d9d9');
  expect(temperatureColor(150)).toBe('rgb(183, 28, 28)');
});
