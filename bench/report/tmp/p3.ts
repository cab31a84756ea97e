import { parseInstant } from '../../../src/shared/calendar/index.ts';
let t = Date.now();
for (let i = 0; i < 300000; i++) parseInstant('2025-07-10T08:15:00+07:00');
console.log('parseInstant x300k', Date.now() - t); t = Date.now();
for (let i = 0; i < 300000; i++) ('Nguyễn Văn An' + i).normalize('NFC');
console.log('normalize x300k', Date.now() - t);
