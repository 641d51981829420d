package jp.sample.isms.attachment;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over spring.servlet.multipart's limit is refused before any controller sees it: 400, in Japanese. */
@RestControllerAdvice
class UploadLimit {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", "ファイルは 10MB 以下にしてください"));
  }
}
