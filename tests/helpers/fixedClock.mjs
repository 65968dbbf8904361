// Loaded into the `serve` process of the screenshot suite (NODE_OPTIONS=--import): the server's
// «today» and timestamps start at SO_FIXED_NOW and run on from there, so the pictures of every run
// show the same dates as the committed ones. The app itself has no clock switch.
const fixed = Date.parse(process.env.SO_FIXED_NOW ?? '');
if (Number.isFinite(fixed)) {
  const RealDate = Date;
  const shift = fixed - RealDate.now();
  // A function, not a subclass: `Date()` without `new` must keep working.
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + shift).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + shift) : new RealDate(...args);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + shift;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
}
