"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = 'v4.2.0';
