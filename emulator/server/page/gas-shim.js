// google.script.run and google.script.host for HtmlService pages shown by the trial page. The
// server inlines it at the start of <head> of every sidebar and dialog (emulator/server/html-events.ts).
// The page runs in a sandboxed iframe with an opaque origin, so calls go to the parent page by
// postMessage; the parent posts them to the emulator (/api/run) and posts the result back.
(function () {
  'use strict';
  var parentWindow = window.parent;
  var pending = new Map();
  var nextId = 1;
  // Names that are never server functions: returning a function for them would confuse
  // promise detection, JSON serialisation and the console.
  var NOT_FUNCTIONS = new Set([
    'then',
    'catch',
    'finally',
    'toJSON',
    'constructor',
    'valueOf',
    'toString',
    'inspect',
  ]);

  function post(message) {
    message.channel = 'gas-shim';
    parentWindow.postMessage(message, '*');
  }

  // google.script.run allows primitives, null, and plain objects and arrays of them; a form element
  // is allowed as the only parameter. Anything else fails, as in Apps Script.
  function checkLegal(value, where) {
    if (value === null || value === undefined) return;
    var type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return;
    if (Array.isArray(value)) {
      value.forEach(function (v, i) {
        checkLegal(v, where + '.' + i);
      });
      return;
    }
    var proto = type === 'object' ? Object.getPrototypeOf(value) : undefined;
    if (proto === Object.prototype || proto === null) {
      Object.keys(value).forEach(function (k) {
        checkLegal(value[k], where + '.' + k);
      });
      return;
    }
    throw new Error('Failed due to illegal value in property: ' + where);
  }

  function formToObject(form) {
    var result = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      if (el.type === 'file' || el.type === 'submit' || el.type === 'button') return;
      if (el.tagName === 'SELECT' && el.multiple) {
        result[el.name] = Array.prototype.filter
          .call(el.options, function (o) {
            return o.selected;
          })
          .map(function (o) {
            return o.value;
          });
        return;
      }
      result[el.name] = el.value;
    });
    return result;
  }

  function runner(onSuccess, onFailure, userObject) {
    var base = {
      withSuccessHandler: function (fn) {
        return runner(fn, onFailure, userObject);
      },
      withFailureHandler: function (fn) {
        return runner(onSuccess, fn, userObject);
      },
      withUserObject: function (obj) {
        return runner(onSuccess, onFailure, obj);
      },
    };
    return new Proxy(base, {
      get: function (target, prop) {
        if (Object.prototype.hasOwnProperty.call(target, prop)) return target[prop];
        if (typeof prop !== 'string' || NOT_FUNCTIONS.has(prop)) return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var handlers = { onSuccess: onSuccess, onFailure: onFailure, userObject: userObject };
          try {
            if (args.length === 1 && args[0] instanceof HTMLFormElement)
              args = [formToObject(args[0])];
            args.forEach(function (a, i) {
              checkLegal(a, String(i));
            });
          } catch (err) {
            setTimeout(function () {
              fail(handlers, err.message);
            }, 0);
            return;
          }
          var id = nextId++;
          pending.set(id, handlers);
          post({ type: 'run', id: id, fn: prop, args: args });
        };
      },
    });
  }

  function fail(handlers, message) {
    var error = new Error(message);
    if (handlers.onFailure) handlers.onFailure(error, handlers.userObject);
    else console.error('google.script.run failed (no failure handler): ' + message);
  }

  window.addEventListener('message', function (event) {
    if (event.source !== parentWindow) return;
    var data = event.data;
    if (!data || data.channel !== 'gas-host' || data.type !== 'result') return;
    var handlers = pending.get(data.id);
    if (!handlers) return;
    pending.delete(data.id);
    if (data.ok) {
      if (handlers.onSuccess) handlers.onSuccess(data.value, handlers.userObject);
    } else {
      fail(handlers, data.error);
    }
  });

  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: 'https://docs.google.com',
      close: function () {
        post({ type: 'close' });
      },
      setHeight: function () {},
      setWidth: function () {},
      editor: {
        focus: function () {
          post({ type: 'focus-editor' });
        },
      },
    },
    url: {
      getLocation: function (callback) {
        setTimeout(function () {
          callback({ hash: '', parameter: {}, parameters: {} });
        }, 0);
      },
    },
    history: { push: function () {}, replace: function () {}, setChangeHandler: function () {} },
  };
})();
