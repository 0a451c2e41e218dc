"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const tools_1 = __importDefault(require("./tools"));
const utilities_1 = __importDefault(require("./utilities"));
exports.default = {
    tools: tools_1.default,
    utilities: utilities_1.default
};
