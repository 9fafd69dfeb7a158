// Apps Script runs the add-on in the script's time zone (appsscript.json): so do the tests.
module.exports = () => {
  process.env.TZ = 'Europe/London';
};
