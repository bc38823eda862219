// One list of accepted report types (#16.2): what the picker and the notices offer (libs/contracts)
// is exactly what the api detects and decodes here.
import { UPLOAD_ACCEPT, UPLOAD_FORMATS, UPLOAD_TYPES_TEXT } from '@thermocline/contracts';
import { MIME_TYPES } from './inspect';

it('offers exactly the formats the api detects, and names each in the notices', () => {
  expect([...UPLOAD_FORMATS].sort()).toEqual(Object.keys(MIME_TYPES).sort());
  expect(UPLOAD_ACCEPT.split(',')).toEqual(UPLOAD_FORMATS.map((f) => `.${f}`));
  for (const f of UPLOAD_FORMATS) {
    expect(UPLOAD_TYPES_TEXT.zh).toContain(`.${f}`);
    expect(UPLOAD_TYPES_TEXT.en).toContain(`.${f}`);
  }
  // .wps is not offered: WPS documents are to be saved as .docx (the notices say so)
  expect(UPLOAD_ACCEPT).not.toContain('wps');
});
