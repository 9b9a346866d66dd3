"""Models behind one interface each: embedders, the stance model (ONNX or torch), LLM judge."""
